/** True parameters of a simulated transaction log (weeks as the time unit). */
export interface SimulationParams {
    /** BG/NBD purchase rate heterogeneity: lambda ~ Gamma(r, alpha) per week (Fader, Hardie & Lee 2005a). */
    r: number;
    alpha: number;
    /** BG/NBD dropout probability after each repeat purchase: p ~ Beta(a, b). */
    a: number;
    b: number;
    /** Gamma-Gamma spend (Fader, Hardie & Lee 2005b): z ~ Gamma(p, nu), nu ~ Gamma(q, v). */
    p: number;
    q: number;
    v: number;
}
export interface SimulationOptions {
    customers?: number;
    seed?: number;
    /** First calendar day of the log, ISO date. */
    start?: string;
    /** Length of the whole observation window in days. */
    days?: number;
    /** Days over which first purchases are spread (uniformly), from `start`. */
    acquisitionDays?: number;
    params?: Partial<SimulationParams>;
    /** Channel names and their probabilities; omitted for no channel column. */
    channels?: {
        name: string;
        share: number;
    }[];
}
export declare const DEFAULT_SIMULATION: Required<Omit<SimulationOptions, 'channels'>> & {
    params: SimulationParams;
};
export interface SimulatedLog {
    /** Customer index (0-based) per transaction, grouped by customer, in time order. */
    customer: Int32Array;
    /** Days since 1970-01-01 UTC. */
    day: Int32Array;
    amount: Float64Array;
    channel?: Int32Array;
    channels?: string[];
    customers: number;
    params: SimulationParams;
    start: number;
    end: number;
    seed: number;
}
/**
 * Simulate a BG/NBD transaction log with Gamma-Gamma spend: each customer's first purchase falls
 * uniformly in the acquisition window; repeat purchases follow a Poisson process at rate lambda
 * until the customer drops out (probability p after each repeat purchase); times are rounded to days.
 *
 * @example
 * const log = simulateTransactions({ customers: 1000, seed: 7 });
 * log.customer.length; // about 3 transactions a customer with the defaults
 */
export declare function simulateTransactions(options?: SimulationOptions): SimulatedLog;
export interface CsvDialect {
    delimiter: ',' | ';';
    decimal: '.' | ',';
    dateFormat: 'iso' | 'dd/mm/yyyy';
    header: string[];
}
export declare const ENGLISH_DIALECT: CsvDialect;
export declare const FRENCH_DIALECT: CsvDialect;
/** Customer id as written in files: C plus a zero-padded index. */
export declare function simulatedCustomerId(index: number, customers: number): string;
/**
 * Write a simulated log as CSV, transactions sorted by date (as exports are), in an English or French dialect.
 *
 * @example
 * await writeSimulatedCsv(simulateTransactions({ seed: 1 }), 'data/sample.csv', FRENCH_DIALECT);
 */
export declare function writeSimulatedCsv(log: SimulatedLog, target: string | NodeJS.WritableStream, dialect?: CsvDialect): Promise<void>;
//# sourceMappingURL=transactions.d.ts.map