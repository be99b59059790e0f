/** Scripts and the server read .env the way Next does, before anything looks at process.env. */
import nextEnv from "@next/env";

export function loadEnv(dev = process.env.NODE_ENV !== "production"): void {
  nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });
}
