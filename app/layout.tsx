import type { Metadata } from "next";
import { connection } from "next/server";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Developer's corner", template: "%s · Developer's corner" },
  description: "Issue and manage API keys",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: the Content-Security-Policy nonce (proxy.ts) differs each time.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
        {/* Bottom right: never over the header's account menu. */}
        <Toaster position="bottom-right" richColors closeButton />
      </body>
    </html>
  );
}
