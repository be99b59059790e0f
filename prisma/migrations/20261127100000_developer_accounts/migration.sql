-- CreateEnum
CREATE TYPE "DeveloperUseCase" AS ENUM ('staging', 'whitelabel', 'integrator');

-- CreateEnum
CREATE TYPE "DeveloperRequestStatus" AS ENUM ('unconfirmed', 'pending', 'approved', 'declined');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "mainAccountId" TEXT,
ADD COLUMN     "maxEmailsPerDay" INTEGER,
ADD COLUMN     "production" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "DeveloperAccountRequest" (
    "id" TEXT NOT NULL,
    "useCase" "DeveloperUseCase" NOT NULL,
    "status" "DeveloperRequestStatus" NOT NULL DEFAULT 'pending',
    "company" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "platform" TEXT,
    "website" TEXT,
    "mainAccountId" TEXT,
    "requestedById" TEXT,
    "confirmTokenHash" TEXT,
    "confirmExpiresAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "staffRequestId" TEXT,
    "developerAccountId" TEXT,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeveloperAccountRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeveloperAccountRequest_confirmTokenHash_key" ON "DeveloperAccountRequest"("confirmTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "DeveloperAccountRequest_staffRequestId_key" ON "DeveloperAccountRequest"("staffRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "DeveloperAccountRequest_developerAccountId_key" ON "DeveloperAccountRequest"("developerAccountId");

-- CreateIndex
CREATE INDEX "DeveloperAccountRequest_mainAccountId_createdAt_idx" ON "DeveloperAccountRequest"("mainAccountId", "createdAt");

-- CreateIndex
CREATE INDEX "DeveloperAccountRequest_contactEmail_createdAt_idx" ON "DeveloperAccountRequest"("contactEmail", "createdAt");

-- CreateIndex
CREATE INDEX "Account_mainAccountId_idx" ON "Account"("mainAccountId");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_mainAccountId_fkey" FOREIGN KEY ("mainAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeveloperAccountRequest" ADD CONSTRAINT "DeveloperAccountRequest_mainAccountId_fkey" FOREIGN KEY ("mainAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeveloperAccountRequest" ADD CONSTRAINT "DeveloperAccountRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeveloperAccountRequest" ADD CONSTRAINT "DeveloperAccountRequest_staffRequestId_fkey" FOREIGN KEY ("staffRequestId") REFERENCES "StaffRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeveloperAccountRequest" ADD CONSTRAINT "DeveloperAccountRequest_developerAccountId_fkey" FOREIGN KEY ("developerAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
