/** Copies `text` to the clipboard; the button says "Copied" for a moment, announced to screen readers. */
"use client";

import { useEffect, useState } from "react";
import { Button } from "./button";

/** `compact`: an icon instead of the word (for one-line table rows); the accessible name is `label` either way. */
export function CopyButton({ text, label, size = "sm", compact = false }: { text: string; label: string; size?: "sm" | "md"; compact?: boolean }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      variant="secondary"
      size={size}
      className={compact ? "px-1.5!" : ""}
      aria-label={copied ? `${label}: copied` : label}
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {compact ? (
        <span aria-hidden className="inline-flex size-3.5 items-center justify-center">{copied ? "✓" : <CopyIcon />}</span>
      ) : (
        <span aria-live="polite">{copied ? "Copied" : "Copy"}</span>
      )}
    </Button>
  );
}

function CopyIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-.5A1.5 1.5 0 0 0 9 1.5H3A1.5 1.5 0 0 0 1.5 3v6A1.5 1.5 0 0 0 3 10.5h.5" />
    </svg>
  );
}
