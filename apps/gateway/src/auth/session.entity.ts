import { refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { rolesTransformer } from './account.entity';
import type { AccountRole } from './account.rules';

/**
 * A signed-in browser. The cookie holds a random token; only its sha256 is stored, so a copy of the table
 * cannot be replayed as cookies.
 */
@Entity('auth_session')
@Index('idx_auth_session_account', ['accountId'])
@Index('idx_auth_session_expires', ['expiresAt'])
export class Session {
  /** sha256 (hex) of the cookie's token. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  /** The local account; null for a session from the OIDC issuer. */
  @Column({ name: 'account_id', ...refColumn, nullable: true })
  accountId!: string | null;

  /** The viewer's id as the subgraphs see it (`sub`): the account id, or the issuer's subject. */
  @Column({ type: 'varchar', length: 191 })
  subject!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 255 })
  displayName!: string;

  @Column({ type: 'varchar', length: 255, transformer: rolesTransformer })
  roles!: AccountRole[];

  @Column({ name: 'org_unit_id', ...refColumn, nullable: true })
  orgUnitId!: string | null;

  @Column({ name: 'access_token', type: 'text', nullable: true })
  accessToken!: string | null;

  @Column({ name: 'refresh_token', type: 'text', nullable: true })
  refreshToken!: string | null;

  @Column({ name: 'id_token', type: 'text', nullable: true })
  idToken!: string | null;

  @Column({ name: 'token_expires_at', ...timestampColumn, nullable: true })
  tokenExpiresAt!: Date | null;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', ...timestampColumn })
  lastSeenAt!: Date;

  /** The absolute end (SESSION_MAX_HOURS after sign-in), whatever the activity. */
  @Column({ name: 'expires_at', ...timestampColumn })
  expiresAt!: Date;
}
