/** The frame of the public pages (no sign-in): the product name, a title and the content. */
export function PublicCard({ title, children, wide = false }: { title: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <main id="main" className="flex min-h-screen items-start justify-center px-4 py-10 sm:items-center">
      <div className={`w-full ${wide ? "max-w-2xl" : "max-w-md"} rounded-lg border border-slate-200 bg-surface p-6 shadow-sm sm:p-8`}>
        <p className="text-sm font-semibold text-brand-600">Developer&apos;s corner</p>
        <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
        <div className="mt-3 space-y-4 text-sm text-slate-700">{children}</div>
      </div>
    </main>
  );
}
