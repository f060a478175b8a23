import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DateTimeScalar, JSONScalar, TextMatch, UUIDScalar } from '@tetrad/core';
import { Consortium } from '@tetrad/consortium';
import { Organization } from '@tetrad/organization';
import { Scenario } from '@tetrad/scenario';
import {
  AnonymisationStatus,
  DataModality,
  DatasetFormat,
  DatasetSensitivity,
  Purpose,
} from './dataset-enums';

/** One feature, as in LeRobot's info.json: `observation.images.wrist`, `action`, … */
@ObjectType()
export class DatasetFeature {
  @Field()
  key!: string;

  @Field(() => DataModality)
  modality!: DataModality;

  @Field({ description: 'e.g. float32, uint8, video.' })
  dtype!: string;

  @Field(() => [Int])
  shape!: number[];

  @Field(() => Float, { nullable: true })
  rateHz?: number | null;
}

/** Real-world robot data owned by one organisation, tied to a scenario (DOMAIN.md, "Data"). */
@Entity({ name: 'dataset' })
@Index('dataset_consortium_name_idx', ['consortiumId', 'name', 'id'])
@Index('dataset_owner_idx', ['ownerOrganizationId'])
@Index('dataset_sensitivity_idx', ['sensitivity', 'name', 'id'])
@Index('dataset_modalities_idx', { synchronize: false })
@Index('dataset_purposes_idx', { synchronize: false })
@Index('dataset_search_idx', { synchronize: false })
@ObjectType({ description: 'A catalogued dataset of real-world robot data.' })
export class Dataset {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'dataset_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'consortium_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  consortiumId!: string;

  @Column({ name: 'scenario_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  scenarioId!: string;

  @Column({ name: 'owner_organization_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  ownerOrganizationId!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  name!: string;

  @Column({ type: 'text', default: '' })
  @Field()
  description!: string;

  /** Kept by a trigger from name, robot type and description (migration ChineseSearch1764830000000). */
  @Index('dataset_search_vector_idx', { synchronize: false })
  @Column({
    name: 'search_vector',
    type: 'tsvector',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string | null;

  /** Set on the results of a searched list only. */
  @Field(() => [TextMatch], {
    nullable: true,
    description:
      'Where the search occurs in name, description and robot type, when this came from a searched list.',
  })
  searchHighlight?: TextMatch[];

  @Column({ type: 'enum', enum: DataModality, enumName: 'data_modality', array: true })
  @Field(() => [DataModality])
  modalities!: DataModality[];

  @Column({ type: 'enum', enum: DatasetFormat, enumName: 'dataset_format' })
  @Field(() => DatasetFormat)
  format!: DatasetFormat;

  @Column({ name: 'format_version', type: 'varchar', length: 40, default: '' })
  @Field()
  formatVersion!: string;

  @Column({ name: 'robot_type', type: 'varchar', length: 100 })
  @Field({ description: 'Robot platform, e.g. a humanoid model.' })
  robotType!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  @Field(() => [DatasetFeature])
  features!: DatasetFeature[];

  @Column({ type: 'integer', default: 0 })
  @Field(() => Int)
  episodes!: number;

  @Column({ type: 'double precision', default: 0 })
  @Field(() => Float)
  hours!: number;

  @Column({ type: 'double precision', default: 0 })
  @Field(() => Float)
  fps!: number;

  @Column({ name: 'size_bytes', type: 'bigint', default: 0 })
  @Field({ description: 'Size in bytes (a string: it may exceed 2^53).' })
  sizeBytes!: string;

  @Column({ name: 'personal_data', type: 'boolean', default: false })
  @Field({ description: 'Whether people were recorded.' })
  personalData!: boolean;

  @Column({
    type: 'enum',
    enum: AnonymisationStatus,
    enumName: 'anonymisation_status',
    default: AnonymisationStatus.NOT_APPLICABLE,
  })
  @Field(() => AnonymisationStatus)
  anonymisation!: AnonymisationStatus;

  @Column({ type: 'enum', enum: DatasetSensitivity, enumName: 'dataset_sensitivity' })
  @Field(() => DatasetSensitivity)
  sensitivity!: DatasetSensitivity;

  @Column({
    name: 'allowed_purposes',
    type: 'enum',
    enum: Purpose,
    enumName: 'purpose',
    array: true,
    default: '{}',
  })
  @Field(() => [Purpose], { description: 'The offer: purposes it may be used for.' })
  allowedPurposes!: Purpose[];

  /** Exposed only through the authorised `storageLocation` field. */
  @Column({ name: 'storage_location', type: 'text' })
  storageLocation!: string;

  @Column({ type: 'varchar', length: 128, default: '' })
  @Field()
  checksum!: string;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int)
  version!: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  @Field(() => JSONScalar, {
    description: 'Further metadata (annotation standard, consent basis, collection period, …).',
  })
  metadata!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @ManyToOne(() => Consortium, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consortium_id', foreignKeyConstraintName: 'dataset_consortium_fk' })
  consortium?: Consortium;

  @ManyToOne(() => Scenario, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scenario_id', foreignKeyConstraintName: 'dataset_scenario_fk' })
  scenario?: Scenario;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_organization_id', foreignKeyConstraintName: 'dataset_owner_fk' })
  owner?: Organization;
}
