import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';

/** A browser session; the cookie holds a random secret, the table only its SHA-256. */
@Entity({ name: 'session' })
@Index('session_user_id_idx', ['userId'])
export class Session {
  @PrimaryColumn({ name: 'id_hash', type: 'char', length: 64, primaryKeyConstraintName: 'session_pkey' })
  idHash!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'id_token', type: 'text', nullable: true })
  idToken!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'session_user_fk' })
  user?: User;
}

/** An authorization request in flight: state, nonce and PKCE verifier, used once. */
@Entity({ name: 'login_attempt' })
export class LoginAttempt {
  @PrimaryColumn({
    name: 'state_hash',
    type: 'char',
    length: 64,
    primaryKeyConstraintName: 'login_attempt_pkey',
  })
  stateHash!: string;

  @Column({ type: 'varchar', length: 200 })
  nonce!: string;

  @Column({ name: 'code_verifier', type: 'varchar', length: 200 })
  codeVerifier!: string;

  @Column({ name: 'return_to', type: 'varchar', length: 500 })
  returnTo!: string;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt!: Date;
}
