export { StaffLayout as default } from "@/modules/staff/components/staff-layout";
