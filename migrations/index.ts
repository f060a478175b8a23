import { CreateOrganization1764108000000 } from './1764108000000-CreateOrganization';
import { CreateIdentity1764115200000 } from './1764115200000-CreateIdentity';
import { CreateConsortium1764122400000 } from './1764122400000-CreateConsortium';
import { CreateAuditTrail1764129600000 } from './1764129600000-CreateAuditTrail';
import { CreateScenario1764136800000 } from './1764136800000-CreateScenario';
import { CreateTicket1764144000000 } from './1764144000000-CreateTicket';
import { CreateTicketCollaboration1764151200000 } from './1764151200000-CreateTicketCollaboration';
import { CreateTicketServiceLevel1764158400000 } from './1764158400000-CreateTicketServiceLevel';
import { AddTicketFilterIndexes1764165600000 } from './1764165600000-AddTicketFilterIndexes';
import { CreateTicketLabel1764172800000 } from './1764172800000-CreateTicketLabel';
import { CreateDataset1764180000000 } from './1764180000000-CreateDataset';
import { CreateDataSharing1764187200000 } from './1764187200000-CreateDataSharing';
import { CreateMilestones1764194400000 } from './1764194400000-CreateMilestones';
import { CreateTicketDatasetLink1764201600000 } from './1764201600000-CreateTicketDatasetLink';
import { MilestoneAgreement1764208800000 } from './1764208800000-MilestoneAgreement';
import { WithdrawKpiReports1764216000000 } from './1764216000000-WithdrawKpiReports';
import { AddMatcherOverride1764223200000 } from './1764223200000-AddMatcherOverride';
import { BilingualContracts1764230400000 } from './1764230400000-BilingualContracts';
import { CreateContractClauseComment1764237600000 } from './1764237600000-CreateContractClauseComment';
import { AuditChainPerConsortium1764252000000 } from './1764252000000-AuditChainPerConsortium';
import { LiveEventOutbox1764800000000 } from './1764800000000-LiveEventOutbox';
import { AddTicketVersion1764810000000 } from './1764810000000-AddTicketVersion';
import { RateLimitWindow1764820000000 } from './1764820000000-RateLimitWindow';
import { ChineseSearch1764830000000 } from './1764830000000-ChineseSearch';

/** Every migration, oldest first. A merged migration is never edited: add a new one. */
export const migrations = [
  CreateOrganization1764108000000,
  CreateIdentity1764115200000,
  CreateConsortium1764122400000,
  CreateAuditTrail1764129600000,
  CreateScenario1764136800000,
  CreateTicket1764144000000,
  CreateTicketCollaboration1764151200000,
  CreateTicketServiceLevel1764158400000,
  AddTicketFilterIndexes1764165600000,
  CreateTicketLabel1764172800000,
  CreateDataset1764180000000,
  CreateDataSharing1764187200000,
  CreateMilestones1764194400000,
  CreateTicketDatasetLink1764201600000,
  MilestoneAgreement1764208800000,
  WithdrawKpiReports1764216000000,
  AddMatcherOverride1764223200000,
  BilingualContracts1764230400000,
  CreateContractClauseComment1764237600000,
  AuditChainPerConsortium1764252000000,
  LiveEventOutbox1764800000000,
  AddTicketVersion1764810000000,
  RateLimitWindow1764820000000,
  ChineseSearch1764830000000,
];
