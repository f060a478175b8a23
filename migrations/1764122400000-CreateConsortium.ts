import type { MigrationInterface, QueryRunner } from 'typeorm';

// Placeholder: being written with libs/consortium.
export class CreateConsortium1764122400000 implements MigrationInterface {
  name = 'CreateConsortium1764122400000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
