import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { AppToaster, ThemeProvider } from "@/components/layout/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Developer's corner", template: "%s · Developer's corner" },
  description: "Issue and manage API keys",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: the Content-Security-Policy nonce (proxy.ts) differs each time.
  await connection();
  const nonce = /'nonce-([^']+)'/.exec((await headers()).get("content-security-policy") ?? "")?.[1];
  return (
    // next-themes sets the theme class on <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <ThemeProvider nonce={nonce}>
          {children}
          <AppToaster />
        </ThemeProvider>
      </body>
    </html>
  );
}
