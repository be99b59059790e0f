export { SettingsLayout as default } from "@/components/layout/settings-layout";
