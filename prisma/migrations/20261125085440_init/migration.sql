-- CreateEnum
CREATE TYPE "TerritoryKind" AS ENUM ('region', 'city_republican', 'district', 'city');

-- CreateEnum
CREATE TYPE "AgencyType" AS ENUM ('police_department', 'school', 'social_services', 'health_facility', 'shelter', 'crisis_centre', 'psychological_service', 'legal_aid', 'ngo', 'local_government', 'probation_office', 'coordination_commission');

-- CreateEnum
CREATE TYPE "RecordStatus" AS ENUM ('active', 'disabled');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('social_pedagogue', 'school_psychologist', 'juvenile_inspector', 'police_officer', 'social_worker', 'service_provider', 'supervisor', 'analyst', 'admin', 'auditor');

-- CreateEnum
CREATE TYPE "SessionStage" AS ENUM ('totp', 'enrol', 'full');

-- CreateTable
CREATE TABLE "territory" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "TerritoryKind" NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_ky" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "parent_id" TEXT,

    CONSTRAINT "territory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agency" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "type" "AgencyType" NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_ky" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "territory_id" TEXT NOT NULL,
    "status" "RecordStatus" NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "totp_secret" TEXT,
    "totp_pending_secret" TEXT,
    "totp_last_step" BIGINT,
    "roles" "Role"[],
    "status" "RecordStatus" NOT NULL DEFAULT 'active',
    "agency_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "stage" "SessionStage" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "territory_code_key" ON "territory"("code");

-- CreateIndex
CREATE INDEX "territory_parent_id_idx" ON "territory"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "agency_code_key" ON "agency"("code");

-- CreateIndex
CREATE INDEX "agency_territory_id_idx" ON "agency"("territory_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "app_user_agency_id_idx" ON "app_user"("agency_id");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- AddForeignKey
ALTER TABLE "territory" ADD CONSTRAINT "territory_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency" ADD CONSTRAINT "agency_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
