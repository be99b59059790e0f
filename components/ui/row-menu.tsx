/**
 * A row's actions behind one "⋯" button (Radix DropdownMenu: keyboard-operable, focus returns to the button).
 * Items with `danger` are shown in red; a disabled item explains itself through its label.
 */
"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";

export type RowMenuItem = { label: string; onSelect: () => void; danger?: boolean; disabled?: boolean };

/** `triggerId` lets a dialog opened from an item give focus back to this row's button. */
export function RowMenu({ label, items, triggerId }: { label: string; items: RowMenuItem[]; triggerId?: string }) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        id={triggerId}
        aria-label={label}
        className="inline-flex size-8 items-center justify-center rounded-md text-lg leading-none text-slate-700 hover:bg-slate-100 data-[state=open]:bg-slate-100"
      >
        <span aria-hidden>⋯</span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={4} className="z-50 min-w-44 rounded-md border border-slate-200 bg-surface p-1 text-sm shadow-lg">
          {items.map((item) => (
            <Menu.Item
              key={item.label}
              disabled={item.disabled}
              onSelect={item.onSelect}
              className={`cursor-pointer rounded px-2 py-1.5 outline-none data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 ${item.danger ? "text-red-700" : "text-slate-800"}`}
            >
              {item.label}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
