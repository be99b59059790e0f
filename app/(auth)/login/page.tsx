import type { Metadata } from "next";
import { LoginPage } from "@/modules/auth/components/login-page";

export const metadata: Metadata = { title: "Sign in" };
export default LoginPage;
