-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('active', 'suspended');

-- CreateEnum
CREATE TYPE "RequestType" AS ENUM ('subaccounts', 'developer_account', 'integration');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('pending', 'approved', 'declined');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "keyRotationDays" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "maxSubaccounts" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "number" SERIAL NOT NULL,
ADD COLUMN     "status" "AccountStatus" NOT NULL DEFAULT 'active';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "staff" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "StaffRequest" (
    "id" TEXT NOT NULL,
    "type" "RequestType" NOT NULL,
    "accountId" TEXT,
    "requestedById" TEXT,
    "requesterEmail" TEXT,
    "status" "RequestStatus" NOT NULL DEFAULT 'pending',
    "details" JSONB NOT NULL DEFAULT '{}',
    "decisionReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StaffRequest_status_createdAt_idx" ON "StaffRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "StaffRequest_accountId_type_status_idx" ON "StaffRequest"("accountId", "type", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Account_number_key" ON "Account"("number");

-- AddForeignKey
ALTER TABLE "StaffRequest" ADD CONSTRAINT "StaffRequest_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRequest" ADD CONSTRAINT "StaffRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRequest" ADD CONSTRAINT "StaffRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Public numbers start at 1001 ("m1001"), existing accounts included.
UPDATE "Account" SET "number" = "number" + 1000;
SELECT setval(pg_get_serial_sequence('"Account"', 'number'), GREATEST((SELECT MAX("number") FROM "Account"), 1000));

-- One pending request per account and type (a partial index Prisma's schema language cannot express).
CREATE UNIQUE INDEX "StaffRequest_one_pending_key" ON "StaffRequest" ("accountId", "type") WHERE "status" = 'pending';

-- Subaccount names are unique among a parent's live subaccounts, ignoring case.
CREATE UNIQUE INDEX "Account_parentId_name_ci_key" ON "Account" ("parentId", lower("name")) WHERE "deletedAt" IS NULL AND "parentId" IS NOT NULL;
