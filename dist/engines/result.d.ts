import { type SummaryResult } from '../summary/summarize.ts';
import type { Day, PeriodUnit } from '../types.ts';
/** Column order of the engine statement (summarySql output 'engine'). */
export declare const ENGINE_COLUMNS: readonly ['customer_id', 'frequency', 'recency', 'T', 'monetary_value', 'first_purchase', 'last_purchase', 'transactions', 'total_spend'];
export declare const HOLDOUT_COLUMNS: readonly ['holdout_frequency', 'holdout_monetary_value', 'holdout_T'];
export declare const COUNT_COLUMNS: readonly ['purchases', 'holdout_rows', 'after_rows', 'bad_rows', 'missing_date_rows', 'bad_date_rows', 'missing_amount_rows', 'bad_amount_rows', 'min_day', 'max_day', 'end_day', 'first_p'];
/** Growable columns filled row by row by an engine. */
export declare class SummaryCollector {
    readonly split: boolean;
    readonly deferEnd: boolean;
    private cap;
    n: number;
    /**
     * The ids as UTF-8 bytes end to end (outside the V8 heap) and each id's end offset: the id
     * strings are made on first use of `customerIds` (as the node engine's summary does), so ten
     * million customers are not ten million live heap strings while a model is fitted.
     */
    private idBytes;
    private idPos;
    private idEnd;
    frequency: Float64Array<ArrayBuffer>;
    recency: Float64Array<ArrayBuffer>;
    T: Float64Array<ArrayBuffer>;
    monetary: Float64Array<ArrayBuffer>;
    first: Int32Array<ArrayBuffer>;
    last: Int32Array<ArrayBuffer>;
    tx: Int32Array<ArrayBuffer>;
    spend: Float64Array<ArrayBuffer>;
    hoFreq: Float64Array | undefined;
    hoMon: Float64Array | undefined;
    hoT: number;
    read: number;
    afterEnd: number;
    rowsNewInHoldout: number;
    rowsNoPurchase: number;
    customersAfterEnd: number;
    customersNewInHoldout: number;
    customersNoPurchase: number;
    missingCustomer: number;
    missingDate: number;
    badDate: number;
    missingAmount: number;
    badAmount: number;
    minDay: number;
    maxDay: number;
    endDay: number;
    hasAmount: boolean;
    /**
     * `deferEnd`: the statement ran with summarySql's deferEnd (no --end): the end is the last valid
     * date, known once every row is in; T (and holdout T) are then computed here.
     */
    constructor(split: boolean, deferEnd?: boolean);
    private grow;
    private pushId;
    /** The id strings of the first `n` customers (decoded from the packed bytes). */
    private static decodeIds;
    /**
     * One row of the engine statement, values in ENGINE_COLUMNS (+ HOLDOUT_COLUMNS when split) +
     * COUNT_COLUMNS order (null for SQL NULL).
     */
    add(row: ArrayLike<unknown>): void;
    /** The summary, checked like summarize() checks its input. */
    finish(o: {
        unit: PeriodUnit;
        freq: PeriodUnit;
        end?: Day;
        calibrationEnd?: Day;
        skipBadRows?: boolean;
        hasAmount: boolean;
        source: string;
    }): SummaryResult;
}
//# sourceMappingURL=result.d.ts.map