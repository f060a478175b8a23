import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Optimistic concurrency for tickets (issue 16): every change of a ticket bumps its version, and an
 * edit that names the version it was made on is refused when the ticket has moved on since.
 */
export class AddTicketVersion1764810000000 implements MigrationInterface {
  name = 'AddTicketVersion1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ticket" ADD "version" integer NOT NULL DEFAULT 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "version"`);
  }
}
