import { redirect } from "next/navigation";
import { KEYS_PATH } from "@/modules/api-keys/nav";

export default function Home() {
  redirect(KEYS_PATH);
}
