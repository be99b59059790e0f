import { redirect } from "next/navigation";
import { STAFF_REQUESTS_PATH } from "@/modules/staff/nav";

export default function StaffHome() {
  redirect(STAFF_REQUESTS_PATH);
}
