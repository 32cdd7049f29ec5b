// IPv4 and IPv6 addresses as 128-bit BigInts (IPv4 mapped into
// ::ffff:0:0/96, as Elasticsearch's ip field stores it) and CIDR matching.

/** Parses an IPv4 or IPv6 address; returns null when it is not one. */
export function parseIp(text: string): bigint | null {
  if (text.includes(":")) return parseIpv6(text);
  const v4 = parseIpv4(text);
  return v4 === null ? null : (0xffffn << 32n) | v4;
}

function parseIpv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  let head = text;
  let tail32: bigint | null = null;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    tail32 = parseIpv4(text.slice(lastColon + 1));
    if (tail32 === null) return null;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const left = groups(halves[0]);
  const right = groups(halves[1]);
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [
    ...left,
    ...Array<string>(halves.length === 2 ? missing : 0).fill("0"),
    ...right,
  ];
  let value = 0n;
  for (const group of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return tail32 === null ? value : (value & ~0xffffffffn) | tail32;
}

export interface Cidr {
  network: bigint;
  /** Prefix length over the 128-bit form. */
  prefix: number;
  mask: bigint;
}

/** Parses `addr` or `addr/len`; an IPv4 prefix counts over the mapped form. */
export function parseCidr(text: string): Cidr | null {
  const [address = "", length] = text.split("/");
  const ip = parseIp(address);
  if (ip === null) return null;
  const isV4 = !address.includes(":");
  const bits = length === undefined ? (isV4 ? 32 : 128) : Number(length);
  if (!Number.isInteger(bits) || bits < 0 || bits > (isV4 ? 32 : 128))
    return null;
  const prefix = isV4 ? bits + 96 : bits;
  const mask = prefixMask(prefix);
  return { network: ip & mask, prefix, mask };
}

function prefixMask(prefix: number): bigint {
  const all = (1n << 128n) - 1n;
  return prefix === 0
    ? 0n
    : (all >> BigInt(128 - prefix)) << BigInt(128 - prefix);
}

export function cidrContains(cidr: Cidr, ip: bigint): boolean {
  return (ip & cidr.mask) === cidr.network;
}

const parsedIps = new Map<string, bigint | null>();

/** parseIp with a cache, because event streams repeat the same few addresses. */
export function parseIpCached(text: string): bigint | null {
  let ip = parsedIps.get(text);
  if (ip === undefined) {
    ip = parseIp(text);
    if (parsedIps.size >= 100_000) parsedIps.clear();
    parsedIps.set(text, ip);
  }
  return ip;
}
