/** /integrations: the public catalog of apps staff approved (no sign-in). */
import { listCatalog } from "../data/queries";

export async function IntegrationsPage() {
  const apps = await listCatalog();
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-10">
      <div>
        <p className="text-sm font-semibold text-brand-700">Developer&apos;s corner</p>
        <h1 className="text-3xl font-semibold">Integrations</h1>
        <p className="mt-1 text-sm text-slate-600">Apps that connect to your account with OAuth 2, reviewed by our staff.</p>
      </div>
      {apps.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-600">No integrations are listed yet.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {apps.map((app) => (
            <li key={app.id} className="space-y-2 rounded-lg border border-slate-200 bg-surface p-4">
              <h2 className="text-lg font-semibold">{app.name}</h2>
              <p className="text-sm text-slate-600">by {app.developerName}</p>
              <p className="whitespace-pre-line text-sm">{app.description}</p>
              {app.website ? (
                <a href={app.website} rel="noopener noreferrer nofollow" target="_blank" className="text-sm text-brand-700 underline">
                  Website<span className="sr-only"> of {app.name} (opens in a new tab)</span>
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
