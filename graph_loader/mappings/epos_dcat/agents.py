"""Persons and organisations of an EPOS-DCAT-AP document: FOAF agents and vCard contact points."""

from __future__ import annotations

import re

import pyoxigraph as ox

from ...namespaces import (
    DCAT,
    FOAF,
    PROV,
    VCARD,
)
from ..build import (
    A,
    plain,
)

#: DCAT 3 read openly: rdflib's ``DCAT`` knows DCAT 2 terms only (no ``dcat:version``)
from .reading import (
    POINT_OF_CONTACT,
    is_a,
    mails_of,
    strings_of,
    url_of,
    values_of,
)

__all__ = ["Agents"]


class Agents:
    """The agent part of :class:`.mapper.Mapper`."""

    def agent(self, node) -> ox.NamedNode | ox.BlankNode | None:
        """A foaf agent for a person or organisation of the document; None if it has no name."""
        idx, out = self.idx, self.out
        if isinstance(node, ox.Literal):
            return None
        if isinstance(node, ox.NamedNode) and node not in self.described:
            return node  # described elsewhere (a PIC, a ROR, an ORCID): the reference is kept
        person = is_a(idx, node, "Person")
        names = strings_of(
            idx,
            node,
            "schema:legalName",
            "schema:name",
            FOAF.name,
            VCARD.fn,
            VCARD["organization-name"],
        )
        given = next(iter(strings_of(idx, node, "schema:givenName", FOAF.givenName)), None)
        family = next(iter(strings_of(idx, node, "schema:familyName", FOAF.familyName)), None)
        if not names and (given or family):
            names = [ox.Literal(" ".join(plain(p.value) for p in (given, family) if p is not None))]
        if not names:
            return None
        if node in self.done:
            return node
        self.done.add(node)
        out.add(node, A, ox.NamedNode(FOAF + ("Person" if person else "Organization")))
        out.add(node, A, ox.NamedNode(FOAF.Agent))
        for name in names:
            out.add(node, FOAF.name, ox.Literal(plain(name.value)))
        if given is not None:
            out.add(node, FOAF.givenName, ox.Literal(plain(given.value)))
        if family is not None:
            out.add(node, FOAF.familyName, ox.Literal(plain(family.value)))
        for alt in strings_of(idx, node, "schema:alternateName"):
            out.add(node, FOAF.nick, ox.Literal(plain(alt.value)))
        for value in values_of(idx, node, "schema:url", VCARD.hasURL):
            page = url_of(value)
            if page is not None and page != node:
                out.add(node, FOAF.homepage, page)
        for mail in mails_of(idx, node):
            out.add(node, FOAF.mbox, mail)
        self.identifiers(node, node)
        return node

    def contact(self, owner, node) -> None:
        """``owner dcat:contactPoint`` a vcard built from a contact point of the document (or a
        person / organisation given directly)."""
        idx, out = self.idx, self.out
        if isinstance(node, ox.Literal):
            return
        if isinstance(node, ox.NamedNode) and node not in self.described:
            out.add(owner, DCAT.contactPoint, node)  # described elsewhere: kept as a link
            return
        holders = [
            s
            for s in self.holders.get(node, ())
            if is_a(idx, s, "Person", "Organization", "Organisation")
        ]
        if is_a(idx, node, "Person", "Organization", "Organisation"):
            holders = [node]
        person = next((h for h in holders if is_a(idx, h, "Person")), None)
        holder = person or (holders[0] if holders else None)
        card = node
        name = None
        if holder is not None:
            agent = self.agent(holder)
            if agent is not None:
                name = self._name(holder)
            if agent is not None and person is not None:
                self.point_of_contact(owner, person, agent)
        fn = name or next(iter(strings_of(idx, node, VCARD.fn, "schema:name")), None)
        mails = mails_of(idx, node) or (mails_of(idx, holder) if holder is not None else [])
        phones = strings_of(idx, node, "schema:telephone", VCARD.hasTelephone) or (
            strings_of(idx, holder, "schema:telephone", VCARD.hasTelephone)
            if holder is not None
            else []
        )
        if fn is None and not mails:
            return
        if holder is node:
            card = ox.BlankNode()  # the agent keeps its IRI; its contact card is a node of its own
        out.add(owner, DCAT.contactPoint, card)
        if card in self.done:
            return
        self.done.add(card)
        kind = (
            "Individual" if person is not None else "Organization" if holder is not None else "Kind"
        )
        out.add(card, A, ox.NamedNode(VCARD + kind))
        out.add(card, VCARD.fn, ox.Literal(plain(fn.value)) if fn is not None else None)
        for mail in mails:
            out.add(card, VCARD.hasEmail, mail)
        for phone in phones:
            number = re.sub(r"[^\d+]", "", phone.value)
            if re.fullmatch(r"\+?\d{4,}", number):
                out.add(card, VCARD.hasTelephone, ox.NamedNode("tel:" + number))
        for role in strings_of(idx, node, "schema:contactType"):
            out.add(card, VCARD.role, ox.Literal(plain(role.value)))
        if person is not None:
            for org in values_of(idx, person, "schema:affiliation"):
                org_name = self._name(org)
                if org_name is not None:
                    out.add(card, VCARD["organization-name"], org_name)

    def point_of_contact(self, owner, person, agent) -> None:
        """``owner`` attributed to the person ``agent`` in the role of point of contact, once."""
        if (owner, person) in self.attributed:
            return
        self.attributed.add((owner, person))
        attribution = ox.BlankNode()
        self.out.add(owner, PROV.qualifiedAttribution, attribution)
        self.out.add(attribution, A, ox.NamedNode(PROV.Attribution))
        self.out.add(attribution, PROV.agent, agent)
        self.out.add(attribution, DCAT.hadRole, ox.NamedNode(POINT_OF_CONTACT))

    def _name(self, node) -> ox.Literal | None:
        idx = self.idx
        names = strings_of(idx, node, "schema:legalName", "schema:name", FOAF.name, VCARD.fn)
        if names:
            return ox.Literal(plain(names[0].value))
        parts = strings_of(idx, node, "schema:givenName") + strings_of(
            idx, node, "schema:familyName"
        )
        joined = " ".join(plain(p.value) for p in parts)
        return ox.Literal(joined) if joined else None

    # ---- services
