/**
 * Two project rules ESLint has no stock rule for:
 * - client-boundary: a file that starts with "use client" may not import server-only code (data/, lib/, the
 *   database, secrets, the API server, node built-ins) except as `import type`, which compiles away.
 * - server-only-first: every module of lib/ and modules/<feature>/data/ imports "server-only" first, so a client
 *   bundle that reached it by accident fails the build.
 */
const SERVER_ONLY = [
  /^@\/lib\//,
  /^@\/modules\/[^/]+\/data\//,
  /^\.\.?\/(.*\/)?data\//,
  /^@\/core\/(db|registry|secrets|events|env)/,
  /^@\/api-server/,
  /^@\/auth$/,
  /^server-only$/,
  /^node:/,
];

function isUseClient(program) {
  const first = program.body[0];
  return first?.type === "ExpressionStatement" && first.directive === "use client";
}

const clientBoundary = {
  meta: { type: "problem", schema: [], messages: { server: "Client component imports server-only code ({{source}}). Pass data in as props or call a server action." } },
  create(context) {
    let client = false;
    return {
      Program(node) {
        client = isUseClient(node);
      },
      ImportDeclaration(node) {
        if (!client || node.importKind === "type") return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type")) return;
        const source = String(node.source.value);
        if (SERVER_ONLY.some((re) => re.test(source))) context.report({ node, messageId: "server", data: { source } });
      },
    };
  },
};

const serverOnlyFirst = {
  meta: { type: "problem", schema: [], messages: { missing: 'Server-side module: its first import must be `import "server-only";`.' } },
  create(context) {
    return {
      Program(node) {
        const first = node.body.find((s) => s.type === "ImportDeclaration");
        if (!first || first.source.value !== "server-only") context.report({ node: first ?? node, messageId: "missing" });
      },
    };
  },
};

const plugin = { rules: { "client-boundary": clientBoundary, "server-only-first": serverOnlyFirst } };
export default plugin;
