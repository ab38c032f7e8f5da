/**
 * Minimal schema parsing for every boundary (IPC, HTTP, CLI): turn `unknown` into a typed value or throw
 * an `InvalidArgument` that names the field. Small on purpose: the API has a handful of flat argument shapes.
 */
import { OffprintError } from './errors';
import { parseIsoDate } from './iso-date';
import { UTC_RULE } from './zone-rule';

/** Bad input, of kind `invalid-argument`: every transport tells it by that kind, never by this class's name. */
export class InvalidArgument extends OffprintError {
  constructor(message: string) {
    super('invalid-argument', message);
    this.name = 'InvalidArgument';
  }
}

export type Parser<T> = (value: unknown, field: string) => T;

export const str =
  (maxLength = 10_000): Parser<string> =>
  (value, field) => {
    if (typeof value !== 'string') throw new InvalidArgument(`${field} must be a string`);
    if (value.length > maxLength)
      throw new InvalidArgument(`${field} is longer than ${maxLength} characters`);
    return value;
  };

export const bool: Parser<boolean> = (value, field) => {
  if (typeof value !== 'boolean') throw new InvalidArgument(`${field} must be true or false`);
  return value;
};

export const int =
  (min: number, max: number): Parser<number> =>
  (value, field) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new InvalidArgument(`${field} must be a whole number from ${min} to ${max}`);
    }
    return value;
  };

export const oneOf =
  <T extends string>(...options: T[]): Parser<T> =>
  (value, field) => {
    if (typeof value !== 'string' || !(options as string[]).includes(value)) {
      throw new InvalidArgument(`${field} must be one of: ${options.join(', ')}`);
    }
    return value as T;
  };

/** A number from 0 to 1 (a reading position). */
export const fraction: Parser<number> = (value, field) => {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    throw new InvalidArgument(`${field} must be a number from 0 to 1`);
  return value;
};

/** A field that may be left out (undefined stays undefined: "leave it as it is"). */
export const optional =
  <T>(inner: Parser<T>): Parser<T | undefined> =>
  (value, field) =>
    value === undefined ? undefined : inner(value, field);

export const nullable =
  <T>(inner: Parser<T>): Parser<T | null> =>
  (value, field) =>
    value === null || value === undefined ? null : inner(value, field);

export const arrayOf =
  <T>(inner: Parser<T>, maxItems = 100_000): Parser<T[]> =>
  (value, field) => {
    if (!Array.isArray(value)) throw new InvalidArgument(`${field} must be a list`);
    if (value.length > maxItems) throw new InvalidArgument(`${field} has more than ${maxItems} items`);
    return value.map((item, i) => inner(item, `${field}[${i}]`));
  };

/** A date bound: `YYYY-MM-DD` or a full ISO-8601 timestamp. */
export const isoDate: Parser<string> = (value, field) => {
  const s = str(40)(value, field);
  // Checked as the search reads it (UTC unless it states its offset), never by Date.parse in the local zone.
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) || parseIsoDate(s, UTC_RULE) === null) {
    throw new InvalidArgument(`${field} must be a date like 2021-11-07`);
  }
  return s;
};

type Shape = Record<string, Parser<unknown>>;
type Parsed<S extends Shape> = { [K in keyof S]: S[K] extends Parser<infer T> ? T : never };

/** An object with exactly these fields; unknown fields are refused so typos do not pass silently. */
export const object =
  <S extends Shape>(shape: S, defaults: object = {}): Parser<Parsed<S>> =>
  (value, field) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InvalidArgument(`${field || 'the arguments'} must be an object`);
    }
    const input = value as Record<string, unknown>;
    for (const key of Object.keys(input)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key))
        throw new InvalidArgument(`${field ? `${field} has an ` : ''}unknown field "${key}"`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, parse] of Object.entries(shape)) {
      const given = input[key];
      const v = given === undefined ? (defaults as Record<string, unknown>)[key] : given;
      out[key] = parse(v, field ? `${field}.${key}` : key);
    }
    return out as Parsed<S>;
  };
