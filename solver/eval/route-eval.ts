/** Everything one route contributes to the objective, as raw amounts (weights applied later). */
export class RouteEval {
  /** w.travelTime·time + w.distance·distance. */
  arc = 0;
  travelTime = 0;
  distance = 0;
  load = 0;
  /** Σ assignCost (nonContact weight − known credit) of the visits. */
  assign = 0;
  knownCredit = 0;
  nonContact = 0;
  /** Soft-window lateness: sum and the largest single value. */
  lateness = 0;
  maxLate = 0;
  overtime = 0;
  /** Amount by which hard time rules are broken (windows, breaks, work stretch, shift end). */
  timeViol = 0;
  departure = 0;
  arrival = 0;
  visits = 0;

  reset(): void {
    this.arc = this.travelTime = this.distance = this.load = this.assign = 0;
    this.knownCredit = this.nonContact = 0;
    this.lateness = this.maxLate = this.overtime = this.timeViol = 0;
    this.departure = this.arrival = this.visits = 0;
  }

  copyFrom(o: RouteEval): void {
    this.arc = o.arc;
    this.travelTime = o.travelTime;
    this.distance = o.distance;
    this.load = o.load;
    this.assign = o.assign;
    this.knownCredit = o.knownCredit;
    this.nonContact = o.nonContact;
    this.lateness = o.lateness;
    this.maxLate = o.maxLate;
    this.overtime = o.overtime;
    this.timeViol = o.timeViol;
    this.departure = o.departure;
    this.arrival = o.arrival;
    this.visits = o.visits;
  }
}

/** Optional record of the schedule, filled when a plain Solution is written out. */
export interface ScheduleRecord {
  visitStart: number[];
  /** Break stops: the position (0-based visit index) they come before, in time order. */
  breakBefore: number[];
  breakIndex: number[];
  breakStart: number[];
}
