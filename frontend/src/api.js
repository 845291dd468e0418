// Talking to the JSON API of the same server.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export function apiUrl(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined && value !== false) {
      url.searchParams.set(key, value === true ? "1" : String(value));
    }
  }
  return url;
}

export async function api(path, params, { signal } = {}) {
  const response = await fetch(apiUrl(path, params), { headers: { Accept: "application/json" }, signal });
  let body = null;
  try {
    body = await response.json();
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(`${response.status} ${response.statusText}`, response.status);
  }
  if (!response.ok) {
    throw new ApiError((body && body.error) || `${response.status} ${response.statusText}`, response.status);
  }
  return body;
}

// One request in flight per slot (a view's listing, its chart, ...): starting a new one cancels
// the old, and an answer that arrives after a newer request started is dropped, so a slow
// response never overwrites the results of a newer query.
const inFlight = new Map();

export function latest(slot) {
  const previous = inFlight.get(slot);
  if (previous) previous.controller.abort();
  const ticket = { controller: new AbortController() };
  ticket.signal = ticket.controller.signal;
  ticket.current = () => inFlight.get(slot) === ticket && !ticket.signal.aborted;
  inFlight.set(slot, ticket);
  return ticket;
}

export function cancel(slot) {
  const previous = inFlight.get(slot);
  if (previous) previous.controller.abort();
  inFlight.delete(slot);
}

export function isAbort(err) {
  return err && err.name === "AbortError";
}

// the API's own export of a query: the same filters, every matching row, in one format
export const FORMATS = [["csv", "CSV"], ["jsonl", "JSON Lines"], ["parquet", "Parquet"]];

export function downloadLinks(path, params, what) {
  const links = document.createElement("p");
  links.className = "downloads";
  links.append(`Download ${what}: `);
  FORMATS.forEach(([format, label], i) => {
    const query = { ...params, format };
    delete query.offset;
    delete query.limit;
    delete query.event;
    const a = document.createElement("a");
    a.href = apiUrl(path, query).pathname + apiUrl(path, query).search;
    a.textContent = label;
    a.setAttribute("download", "");
    if (i) links.append(" · ");
    links.append(a);
  });
  return links;
}
