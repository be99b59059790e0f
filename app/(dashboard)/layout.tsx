export { DashboardLayout as default } from "@/modules/accounts/components/dashboard-layout";
