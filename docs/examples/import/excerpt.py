"""Cuts a small, self-consistent excerpt from a generator run: whole referrals chosen to show each kind of
journey, with exactly the people, activities and providers they refer to.

    python3 docs/examples/import/excerpt.py GENERATED_DIR docs/examples/import
"""
import csv
import sys

src, dst = sys.argv[1], sys.argv[2]


def read(name):
    with open(f"{src}/{name}", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def write(name, header, rows):
    with open(f"{dst}/{name}", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, header, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


files = {n: read(n) for n in ["people.csv", "referrals.csv", "connections.csv", "attendances.csv",
                             "wellbeing.csv", "activities.csv", "providers.csv"]}
people = files["people.csv"][1]
referrals = files["referrals.csv"][1]
measures = files["wellbeing.csv"][1]
measured = {}
for m in measures:
    measured.setdefault(m["referral_id"], set()).add((m["instrument"], m["time_point"]))

chosen = []


def take(predicate, limit=1):
    for r in referrals:
        if limit == 0:
            return
        if r not in chosen and predicate(r):
            chosen.append(r)
            limit -= 1


merged = {p["person_id"]: p["merged_into_person_id"] for p in people if p["merged_into_person_id"]}
erased = {p["person_id"] for p in people if p["erased_on"]}
counts = {}
for r in referrals:
    counts[r["person_id"]] = counts.get(r["person_id"], 0) + 1
take(lambda r: r["person_id"] in merged)
survivors = set(merged.values())
take(lambda r: r["person_id"] in survivors, 2)
take(lambda r: r["person_id"] in erased)
take(lambda r: counts[r["person_id"]] > 1 and r["person_id"] not in survivors, 1)
again = chosen[-1]["person_id"]
take(lambda r: r["person_id"] == again)
take(lambda r: r["declined_by"] == "PERSON")
take(lambda r: r["declined_by"] == "LINK_WORKER")
take(lambda r: r["accepted_on"] and not r["first_contact_on"] and r["outcome"] == "DISENGAGED")
take(lambda r: not r["closed_on"] and not r["declined_on"])
take(lambda r: ("SWEMWBS", "FOLLOW_UP") in measured.get(r["referral_id"], set()))
take(lambda r: ("UCLA3", "FOLLOW_UP") in measured.get(r["referral_id"], set()))
take(lambda r: ("WEMWBS", "BASELINE") in measured.get(r["referral_id"], set()))
take(lambda r: r["source"] == "VCSE")

ids = {r["referral_id"] for r in chosen}
person_ids = {r["person_id"] for r in chosen} | {merged[p] for p in merged if p in {r["person_id"] for r in chosen}}
connections = [c for c in files["connections.csv"][1] if c["referral_id"] in ids]
attendances = [a for a in files["attendances.csv"][1] if a["referral_id"] in ids][:30]
activity_ids = {c["activity_id"] for c in connections}
activities = [a for a in files["activities.csv"][1] if a["activity_id"] in activity_ids]
provider_ids = {a["provider_id"] for a in activities} | {r["referrer_organisation"] for r in chosen
                                                         if r["source"] == "VCSE"}
write("people.csv", files["people.csv"][0], [p for p in people if p["person_id"] in person_ids])
write("referrals.csv", files["referrals.csv"][0], [r for r in referrals if r in chosen])
write("connections.csv", files["connections.csv"][0], connections)
write("attendances.csv", files["attendances.csv"][0], attendances)
write("wellbeing.csv", files["wellbeing.csv"][0], [m for m in measures if m["referral_id"] in ids])
write("activities.csv", files["activities.csv"][0], activities)
write("providers.csv", files["providers.csv"][0],
      [p for p in files["providers.csv"][1] if p["provider_id"] in provider_ids])
