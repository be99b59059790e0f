/**
 * Radix Dialog with our styling: focus trap, Escape, aria-modal and labelling come from the library. On close,
 * focus returns to the control that opened the dialog (or `returnFocusTo`, for dialogs opened from a menu whose
 * item no longer exists), never to <body>.
 */
"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { useLayoutEffect, useRef } from "react";

type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  size?: "md" | "lg";
  /** Block closing by Escape / outside click (e.g. while the only copy of a secret is on screen). */
  dismissible?: boolean;
  returnFocusTo?: React.RefObject<HTMLElement | null>;
};

export function Dialog({ open, onOpenChange, title, description, children, size = "md", dismissible = true, returnFocusTo }: DialogProps) {
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open && document.activeElement instanceof HTMLElement && document.activeElement !== document.body) opener.current = document.activeElement;
  }, [open]);
  const prevent = (e: Event) => {
    if (!dismissible) e.preventDefault();
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/60" />
        <RadixDialog.Content
          onEscapeKeyDown={prevent}
          onPointerDownOutside={prevent}
          onInteractOutside={prevent}
          onCloseAutoFocus={(e) => {
            const target = returnFocusTo?.current ?? opener.current;
            if (target?.isConnected) {
              e.preventDefault();
              target.focus();
            }
          }}
          className={`fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl ${size === "lg" ? "max-w-2xl" : "max-w-md"}`}
        >
          <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
          )}
          <div className="mt-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
