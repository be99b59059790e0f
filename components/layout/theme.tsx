/**
 * Light / dark theme: next-themes puts "light" or "dark" on <html> (default: follow the system setting) before
 * the page paints, with the CSP nonce on its inline script; the toaster follows the resolved theme.
 */
"use client";

import { ThemeProvider as NextThemes, useTheme } from "next-themes";
import { Toaster } from "sonner";

export function ThemeProvider({ nonce, children }: { nonce?: string; children: React.ReactNode }) {
  return (
    <NextThemes attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
    </NextThemes>
  );
}

export function AppToaster() {
  const { resolvedTheme } = useTheme();
  // Bottom right: never over the header's account menu.
  return <Toaster position="bottom-right" richColors closeButton theme={resolvedTheme === "dark" ? "dark" : "light"} />;
}
