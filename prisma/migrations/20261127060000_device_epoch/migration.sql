-- Device cookies are signed over this; bumping it ends every device's standing (see lib/auth/device-cookie.ts).
ALTER TABLE "User" ADD COLUMN "deviceEpoch" INTEGER NOT NULL DEFAULT 0;
