import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bilingual agreements (issue 15). A consortium has a time zone (contract periods are dates in it;
 * Asia/Shanghai unless changed). A contract has a governing language: existing contracts were
 * drafted in English, new drafts default to Chinese. Each version records the governing language
 * it was written under; versions written before this stay NULL, so their content hashes, which
 * did not include a language, still verify.
 */
export class BilingualContracts1764230400000 implements MigrationInterface {
  name = 'BilingualContracts1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "consortium" ADD "time_zone" varchar(64) NOT NULL DEFAULT 'Asia/Shanghai'`,
    );
    await queryRunner.query(`
      ALTER TABLE "data_sharing_contract"
        ADD "governing_language" varchar(8) NOT NULL DEFAULT 'en',
        ADD CONSTRAINT "data_sharing_contract_governing_language_check"
          CHECK ("governing_language" IN ('zh-CN', 'en'))`);
    await queryRunner.query(
      `ALTER TABLE "data_sharing_contract" ALTER COLUMN "governing_language" SET DEFAULT 'zh-CN'`,
    );
    await queryRunner.query(`
      ALTER TABLE "contract_version"
        ADD "governing_language" varchar(8),
        ADD CONSTRAINT "contract_version_governing_language_check"
          CHECK ("governing_language" IS NULL OR "governing_language" IN ('zh-CN', 'en'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "contract_version"
        DROP CONSTRAINT "contract_version_governing_language_check",
        DROP COLUMN "governing_language"`);
    await queryRunner.query(`
      ALTER TABLE "data_sharing_contract"
        DROP CONSTRAINT "data_sharing_contract_governing_language_check",
        DROP COLUMN "governing_language"`);
    await queryRunner.query(`ALTER TABLE "consortium" DROP COLUMN "time_zone"`);
  }
}
