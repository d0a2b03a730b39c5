"""Responsible parties of an ISO record as GeoDCAT-AP agents: FOAF agents, vCard contact
points (addresses, telephones) and qualified attributions with their INSPIRE roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ..namespaces import DCAT, DCT, FOAF, GEODCAT, INSPIRE, LOCN, PROV, VCARD
from .iso_common import (
    Triples,
    code_iri,
    code_of,
    descendants,
    either,
    find,
    first,
    http_iri,
    local,
    text_of,
)
from .iso_parts import Texts

__all__ = [
    "ROLE_PROPERTIES",
    "Party",
    "agent_parties",
    "add_agent",
    "foaf_agent",
    "vcard",
    "tel_iri",
]


#: CI_RoleCode -> GeoDCAT-AP property of the resource (beside the qualified attribution)
ROLE_PROPERTIES = {
    "owner": DCT.rightsHolder,
    "publisher": DCT.publisher,
    "author": DCT.creator,
    "originator": GEODCAT.originator,
    "custodian": GEODCAT.custodian,
    "distributor": GEODCAT.distributor,
    "principalInvestigator": GEODCAT.principalInvestigator,
    "processor": GEODCAT.processor,
    "resourceProvider": GEODCAT.resourceProvider,
    "user": GEODCAT.user,
}

#: CI_Address element -> (vcard property, locn property)
_ADDRESS = {
    "deliveryPoint": ("street-address", "thoroughfare"),
    "city": ("locality", "postName"),
    "administrativeArea": ("region", "adminUnitL2"),
    "postalCode": ("postal-code", "postCode"),
    "country": ("country-name", "adminUnitL1"),
}

#: protocol keys -> OGC standard IRIs


@dataclass
class Party:
    """A responsible party: role, organisation and/or person name, e-mail, web page."""

    role: str
    organisation: list[tuple[str, str | None]]
    individual: list[tuple[str, str | None]]
    email: str
    url: str
    address: dict[str, str] = field(default_factory=dict)
    phones: list[str] = field(default_factory=list)

    @property
    def named(self) -> bool:
        """Whether the party has a name (an agent needs one; an e-mail alone is a contact)."""
        return bool(self.organisation or self.individual)


def agent_parties(parent: Element | None, texts: Texts, *steps: str) -> list[Party]:
    """The parties under ``parent`` at ``steps`` (CI_ResponsibleParty or CI_Responsibility)."""
    parties = []
    for el in find(parent, *steps):
        for party in (
            c for c in el if local(c.tag) in ("CI_ResponsibleParty", "CI_Responsibility")
        ):
            org = either(
                first(party, "organisationName"), first(party, "party", "CI_Organisation", "name")
            )
            person = either(
                first(party, "individualName"),
                first(party, "party", "CI_Individual", "name"),
                first(party, "party", "CI_Organisation", "individual", "CI_Individual", "name"),
            )
            email = next((text_of(e) for e in descendants(party, "electronicMailAddress")), "")
            url = next(
                (text_of(first(r, "linkage")) for r in descendants(party, "CI_OnlineResource")), ""
            )
            contact = either(
                first(party, "contactInfo", "CI_Contact"),
                first(party, "party", "CI_Organisation|CI_Individual", "contactInfo", "CI_Contact"),
            )
            address = first(contact, "address", "CI_Address")
            lines = {k: texts.one(first(address, k)) for k in _ADDRESS}
            individual = texts.of(person)
            if not individual:  # the Swiss profile splits it: individualFirstName / LastName
                parts = [
                    texts.one(first(party, n))
                    for n in ("individualFirstName", "individualLastName")
                ]
                full = " ".join(p for p in parts if p)
                individual = [(full, None)] if full else []
            if not individual and not texts.of(org):
                # a position alone ("Data manager") names the contact
                individual = texts.of(
                    either(
                        first(party, "positionName"),
                        first(party, "party", "CI_Individual", "positionName"),
                    )
                )
            parties.append(
                Party(
                    code_of(first(party, "role")),
                    texts.of(org),
                    individual,
                    email.strip(),
                    url,
                    {k: v for k, v in lines.items() if v},
                    _phones(party),
                )
            )
    # an empty CI_ResponsibleParty (no name, no e-mail) says nothing: skipped
    return [p for p in parties if p.named or p.email]


def _phones(party: Element) -> list[str]:
    """The voice numbers of a party (ISO 19139 ``voice``; ISO 19115-3 ``number`` whose
    ``numberType`` is voice or unsaid)."""
    found = [text_of(v) for v in descendants(party, "voice")]
    for phone in descendants(party, "CI_Telephone"):
        kind = code_of(first(phone, "numberType"))
        if kind in ("", "voice"):
            found.append(text_of(first(phone, "number")))
    return list(dict.fromkeys(p for p in found if p))


def tel_iri(phone: str) -> ox.NamedNode | None:
    """A ``tel:`` IRI of a phone number as written (RFC 3966: separators as ``-``, an
    extension as ``;ext=``), or None when it has fewer than four digits.

    >>> tel_iri("+33 (0)1 44 27 00 00").value, tel_iri("(301) 763-8142 x 103").value
    ('tel:+33-0-1-44-27-00-00', 'tel:301-763-8142;ext=103')
    """
    found = re.match(r"(?i)^(.*?\d)\s*(?:x|ext\.?)\s*(\d+)\s*$", phone.strip())
    main, ext = (found.group(1), found.group(2)) if found else (phone.strip(), "")
    number = re.sub(r"[^\d+]+", "-", main).strip("-").replace("+-", "+")
    number = re.sub(r"^\++", "+", number)  # "++49" is written for "+49"
    if sum(c.isdigit() for c in number) < 4 or "+" in number[1:]:
        return None
    return ox.NamedNode("tel:" + number + (f";ext={ext}" if ext else ""))


def _mailto(email: str) -> ox.NamedNode | None:
    return http_iri("mailto:" + email) if "@" in email else None


def foaf_agent(out: Triples, party: Party) -> ox.BlankNode:
    """A prov:Agent (foaf:Organization or foaf:Person) for ``party``."""
    kind = FOAF + ("Organization" if party.organisation else "Person")
    agent = out.node(PROV.Agent, kind)
    out.texts(agent, FOAF.name, party.organisation or party.individual)
    out.add(agent, FOAF.mbox, _mailto(party.email))
    out.add(agent, FOAF.homepage, http_iri(party.url) if party.url else None)
    for phone in party.phones:
        out.add(agent, FOAF.phone, tel_iri(phone))
    _add_address(out, agent, party, LOCN.address, LOCN)
    return agent


def vcard(out: Triples, party: Party) -> ox.BlankNode:
    """A vcard contact point for ``party``."""
    card = out.node(VCARD + ("Organization" if party.organisation else "Individual"))
    out.texts(card, VCARD.fn, party.organisation or party.individual)
    if party.organisation and party.individual:
        out.texts(card, VCARD["organization-name"], party.organisation)
    out.add(card, VCARD.hasEmail, _mailto(party.email))
    out.add(card, VCARD.hasURL, http_iri(party.url) if party.url else None)
    for phone in party.phones:
        out.add(card, VCARD.hasTelephone, tel_iri(phone))
    _add_address(out, card, party, VCARD.hasAddress, VCARD)
    return card


def _add_address(out: Triples, owner, party: Party, prop: str, vocabulary) -> None:
    """``owner prop`` the postal address of ``party``, in LOCN or vCard terms."""
    if not party.address:
        return
    address = out.node(vocabulary.Address)
    out.add(owner, prop, address)
    column = 1 if vocabulary is LOCN else 0
    for key, value in party.address.items():
        out.add(address, vocabulary[_ADDRESS[key][column]], ox.Literal(value))


def add_agent(out: Triples, subject, party: Party) -> None:
    """Attach ``party`` to ``subject`` by its role, the GeoDCAT-AP way; a party without a
    name (an e-mail alone) can only be a contact point: an agent needs a name."""
    if party.role == "pointOfContact" or not party.named:
        out.add(subject, DCAT.contactPoint, vcard(out, party))
    elif party.role in ROLE_PROPERTIES:
        out.add(subject, ROLE_PROPERTIES[party.role], foaf_agent(out, party))
    if party.role == "originator" and party.named:
        out.add(subject, DCT.creator, foaf_agent(out, party))
    role = code_iri(INSPIRE["ResponsiblePartyRole/"], party.role)
    if role is not None and party.named:
        out.node(DCAT.Role, subject=role)
        attribution = out.node(PROV.Attribution)
        out.add(subject, PROV.qualifiedAttribution, attribution)
        out.add(attribution, DCAT.hadRole, role)
        out.add(attribution, PROV.agent, foaf_agent(out, party))
