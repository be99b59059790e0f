export { KeysLoading as default } from "@/modules/api-keys/components/keys-loading";
