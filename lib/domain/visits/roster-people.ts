import type { Availability } from './availability';

/** Who a week's roster plans for, and with: elders by risk tier, volunteers by availability. */
export const RISK_TIERS = ['high', 'key', 'general'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];
/** Visit frequency by risk tier: high weekly, key monthly, general quarterly. */
export const VISIT_EVERY_DAYS: Record<RiskTier, number> = { high: 7, key: 28, general: 91 };

export interface RosterElder {
  elderId: string;
  gridId: string;
  location: { lat: number; lng: number };
  riskTier: RiskTier;
  languages: string[];
  preferredGender?: 'F' | 'M';
  lastVisitAt?: string;
  lastVolunteerId?: string;
}

export interface RosterVolunteer {
  volunteerId: string;
  gridId: string;
  teamId?: string;
  location: { lat: number; lng: number };
  gender?: 'F' | 'M';
  languages: string[];
  availability: Availability;
  maxVisitsPerWeek: number;
  /** Micro-wishes: whether suggestions are welcome, which kinds, how many a week. */
  wishes?: { optIn: boolean; interests: string[]; perWeek: number };
}
