"""`summitry kb resolve|lookup|stats`: query the knowledge base from the command line."""
from __future__ import annotations

import argparse
import dataclasses
import json
from datetime import date
from typing import Any

EPILOG = """examples:
  summitry kb resolve --country CHN --office president --date 2022-09-14
  summitry kb resolve --organisation UN --office secretary-general --date 2015-06-01
  summitry kb resolve --office 北约秘书长 --date 2026-04-08
  summitry kb lookup 哈萨克斯坦
  summitry kb stats
"""


def to_json(record: Any) -> Any:
    """A KB record (or tuple of records) as plain JSON data, with its record type."""
    if isinstance(record, (tuple, list)):
        return [to_json(r) for r in record]
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        out: dict[str, Any] = {"type": type(record).__name__.lower()}
        for f in dataclasses.fields(record):
            out[f.name] = to_json(getattr(record, f.name))
        return out
    if isinstance(record, date):
        return record.isoformat()
    return record


def _kb(args: argparse.Namespace):
    """The KB of the package data plus --kb-extra / $SUMMITRY_KB_EXTRA directories (the root CLI
    puts --kb-extra into the environment)."""
    import os

    from summitry.kb import ENV_EXTRA, get_kb

    extra = [d for d in (getattr(args, "kb_extra", None) or []) if d]
    current = [d for d in os.environ.get(ENV_EXTRA, "").split(os.pathsep) if d]
    missing = [d for d in extra if d not in current]
    if missing:
        os.environ[ENV_EXTRA] = os.pathsep.join([*current, *missing])
    return get_kb()


def _print(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_resolve(args: argparse.Namespace) -> int:
    kb = _kb(args)
    where = args.organisation or args.country
    try:
        holders = kb.holders(where, args.office, args.date, region=args.region)
        _, organisation = kb._where(where, args.office)
        office_keys = kb._office_keys(args.office, organisation)[0]
    except (KeyError, ValueError) as exc:
        print(json.dumps({"error": str(exc).strip("'\"")}, ensure_ascii=False))
        return 2
    day = args.date or date.today().isoformat()
    result: dict[str, Any] = {"country": kb.iso3(args.country) if not organisation else None,
                              "organisation": organisation, "office": args.office, "date": day,
                              "name": None, "name_zh": None, "person": None, "term": None}
    if holders:
        person = holders[0]
        term = kb.term_on(person, day)
        matching = [t for t in person.terms if t.office in office_keys and t.covers(kb_date(day))]
        result.update(name=person.name, name_zh=person.name_zh or None, person=person.id,
                      term=to_json(matching[0] if matching else term))
        if len(holders) > 1:
            result["others"] = [p.name for p in holders[1:]]
    _print(result)
    return 0 if holders else 1


def kb_date(day: str) -> date:
    from summitry.kb import as_date

    return as_date(day)


def cmd_lookup(args: argparse.Namespace) -> int:
    kb = _kb(args)
    records = kb.lookup(args.text)
    if not records:
        print(json.dumps({"error": f"no KB record for {args.text!r}"}, ensure_ascii=False))
        return 1
    if args.all:
        _print([to_json(_brief(r)) for r in records])
    else:
        _print(to_json(_brief(records[0])))
    return 0


def _brief(record: Any) -> Any:
    """Forums print with their editions; a person prints with terms; nothing is trimmed but
    places' long Chinese name lists."""
    from summitry.kb import Place

    if isinstance(record, Place) and len(record.names_zh) > 5:
        return dataclasses.replace(record, names_zh=record.names_zh[:5])
    return record


def cmd_stats(args: argparse.Namespace) -> int:
    kb = _kb(args)
    stats = kb.stats()
    _print(stats)
    if args.problems:
        for p in kb.problems:
            print(p)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    kb = subparsers.add_parser("kb", help="query the knowledge base (countries, places, forums, office holders)",
                               epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = kb.add_subparsers(dest="kb_command", metavar="{resolve,lookup,stats}")
    sub.required = True

    p = sub.add_parser("resolve", help="who held an office in a country or an organisation on a date (JSON)",
                       epilog="examples:\n"
                              "  summitry kb resolve --country CHN --office president --date 2022-09-14\n"
                              "  summitry kb resolve --organisation UN --office secretary-general --date 2015-06-01\n"
                              "  summitry kb resolve --office 北约秘书长 --date 2026-04-08",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    where = p.add_mutually_exclusive_group()
    where.add_argument("--country", help="ISO code or name, e.g. CHN, Kazakhstan, 美国")
    where.add_argument("--organisation", "--organization",
                       help="an international organisation by name, acronym or key, e.g. UN, NATO, EU, 非盟 "
                            "(its holders act for no state: their country is null); not needed when the "
                            "office names it (联合国秘书长, UN Secretary-General)")
    p.add_argument("--office", required=True,
                   help="office key (head_of_state), level (foreign_minister) or title (president, 外长, "
                        "secretary-general)")
    p.add_argument("--date", help="YYYY-MM-DD (default: today)")
    p.add_argument("--region", help="subnational unit for party_secretary/governor, e.g. Xinjiang")
    p.set_defaults(func=cmd_resolve)

    p = sub.add_parser("lookup", help="the record any name or alias maps to (JSON)",
                       epilog="example: summitry kb lookup 哈萨克斯坦",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("text", help="a name, alias, code or title in English or Chinese")
    p.add_argument("--all", action="store_true", help="print every record the name maps to")
    p.set_defaults(func=cmd_lookup)

    p = sub.add_parser("stats", help="counts per table (JSON)", epilog="example: summitry kb stats",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--problems", action="store_true", help="also list data problems (file:line: message)")
    p.set_defaults(func=cmd_stats)
