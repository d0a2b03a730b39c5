"""Parties of an EML record: FOAF agents, vCard contact points and qualified attributions
with their roles.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ...namespaces import DCAT, DCT, FOAF, PROV, RDFS, SDO, VCARD
from .reading import (
    _ROLE_PROPERTIES,
    _ROLES,
    INSPIRE_ROLE,
    _first,
    _http,
    _kid,
    _kids,
    _mailto,
    _orcid,
    _path,
    _str,
)

__all__ = ["Parties"]


class Parties:
    """The party part of :class:`.mapper.Mapper`."""

    def resolve(self, party: Element) -> Element:
        ref = _first(party, "references")
        return self.ids.get(ref, party) if ref else party

    def names(self, party: Element) -> tuple[str, str, str, str, str]:
        """(name, given, family, organisation, position) of a party."""
        person = _kid(party, "individualName")
        given = " ".join(_str(g) for g in _kids(person, "givenName") if _str(g))
        family = _first(person, "surName")
        full = " ".join(x for x in (given, family) if x)
        org = _first(party, "organizationName")
        position = _first(party, "positionName")
        return (full or org or position), given, family, org, position

    def party_iri(self, party: Element) -> ox.NamedNode | None:
        for uid in _kids(party, "userId"):
            value, directory = _str(uid), (uid.get("directory") or "").lower()
            if "orcid" in directory or "orcid.org" in value.lower():
                iri = _orcid(value)
                if iri:
                    return ox.NamedNode(iri)
        return None

    def agent(self, party: Element):
        party = self.resolve(party)
        name, given, family, org, position = self.names(party)
        if not name:
            return None
        iri = self.party_iri(party)
        person = bool(given or family)
        cls = FOAF + ("Person" if person else "Organization" if org else "Agent")
        agent = self.node(cls, iri)
        self.add(agent, FOAF.name, ox.Literal(name))
        if person:
            self.add(agent, FOAF.givenName, ox.Literal(given) if given else None)
            self.add(agent, FOAF.familyName, ox.Literal(family) if family else None)
            self.add(agent, SDO.jobTitle, ox.Literal(position) if position else None)
            if org:
                affiliation = self.node(FOAF.Organization)
                self.add(affiliation, FOAF.name, ox.Literal(org))
                self.add(agent, SDO.affiliation, affiliation)
        for mail in _kids(party, "electronicMailAddress"):
            self.add(agent, FOAF.mbox, _mailto(_str(mail)))
        for url in _kids(party, "onlineUrl"):
            self.add(agent, FOAF.homepage, _http(_str(url)))
        return agent

    def vcard(self, party: Element):
        party = self.resolve(party)
        name, given, family, org, position = self.names(party)
        if not name:
            return None
        person = bool(given or family)
        card = self.node(VCARD + ("Individual" if person else "Organization"))
        self.add(card, VCARD.fn, ox.Literal(name))
        if person and org:
            self.add(card, VCARD["organization-name"], ox.Literal(org))
        if position and position != name:
            self.add(card, VCARD.role, ox.Literal(position))
        for mail in _kids(party, "electronicMailAddress"):
            self.add(card, VCARD.hasEmail, _mailto(_str(mail)))
        urls = [_http(_str(u)) for u in _kids(party, "onlineUrl")] + [self.party_iri(party)]
        for url in urls:
            self.add(card, VCARD.hasURL, url)
        for address in _kids(party, "address"):
            lines = {
                "street-address": ", ".join(_str(d) for d in _kids(address, "deliveryPoint")),
                "locality": _first(address, "city"),
                "region": _first(address, "administrativeArea"),
                "postal-code": _first(address, "postalCode"),
                "country-name": _first(address, "country"),
            }
            if any(lines.values()):
                node = self.node(VCARD.Address)
                self.add(card, VCARD.hasAddress, node)
                for key, value in lines.items():
                    self.add(node, VCARD + key, ox.Literal(value) if value else None)
        return card

    def attribution(self, res, agent, role: str) -> None:
        if agent is None:
            return
        key = re.sub(r"[^a-z]", "", role.lower())
        inspire = _ROLES.get(key)
        attribution = self.node(PROV.Attribution)
        self.add(attribution, PROV.agent, agent)
        if inspire:
            role_node = self.node(DCAT.Role, ox.NamedNode(INSPIRE_ROLE + inspire))
            if inspire in _ROLE_PROPERTIES:
                self.add(res, _ROLE_PROPERTIES[inspire], agent)
        elif role.strip():
            role_node = self.node(DCAT.Role)
            self.add(role_node, RDFS.label, ox.Literal(" ".join(role.split())))
        else:
            role_node = None
        self.add(attribution, DCAT.hadRole, role_node)
        self.add(res, PROV.qualifiedAttribution, attribution)

    def parties(self, res) -> None:
        el = self.res_el
        for party in _kids(el, "creator"):
            self.add(res, DCT.creator, self.agent(party))
        for party in _kids(el, "publisher"):
            self.add(res, DCT.publisher, self.agent(party))
        for party in _kids(el, "contact"):
            self.add(res, DCAT.contactPoint, self.vcard(party))
        for party in _kids(el, "metadataProvider"):
            self.attribution(res, self.agent(party), "metadataProvider")
        for party in _kids(el, "associatedParty"):
            agent = self.agent(party)
            self.add(res, DCT.contributor, agent)
            self.attribution(res, agent, _first(party, "role"))
        for party in _path(el, "project/personnel"):
            self.attribution(res, self.agent(party), _first(party, "role"))

    # -- rights
