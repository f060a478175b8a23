import { Field, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from './user.entity';
import { DateTimeScalar, UUIDScalar } from '@tetrad/core';

export const API_TOKEN_HASH_UNIQUE = 'api_token_hash_unique';

/** A personal API token for scripts: shown once, stored as a SHA-256, never wider than its owner. */
@Entity({ name: 'api_token' })
@Unique(API_TOKEN_HASH_UNIQUE, ['tokenHash'])
@Index('api_token_user_id_idx', ['userId', 'createdAt'])
@ObjectType({ description: 'A personal API token (its secret is shown only when created).' })
export class ApiToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'api_token_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field()
  name!: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'display_prefix', type: 'varchar', length: 20 })
  @Field({ description: 'The first characters of the token, to recognise it.' })
  displayPrefix!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  lastUsedAt!: Date | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'api_token_user_fk' })
  user?: User;
}
