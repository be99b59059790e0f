/**
 * The 10,000 most common passwords (core/data/common-passwords.txt), refused for people and API users alike.
 * Loaded once, compared case-insensitively. Server side only (it reads a file); forms check the shape rule
 * themselves and show this one as the server's field error.
 */
import fs from "node:fs";
import path from "node:path";

let common: Set<string> | null = null;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    fs
      .readFileSync(path.join(process.cwd(), "core", "data", "common-passwords.txt"), "utf8")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#"))
      .map((line) => line.toLowerCase()),
  );
  return common.has(password.toLowerCase());
}

export const COMMON_PASSWORD_MESSAGE = "This password is one of the 10,000 most common: choose another.";
