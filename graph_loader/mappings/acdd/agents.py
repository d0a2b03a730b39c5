"""The parties of a :class:`~.model.Discovery` as triples: ``foaf`` agents (creators,
publishers, contributors with their INSPIRE role) and the ``vcard`` contact point."""

from __future__ import annotations

import re

import pyoxigraph as ox

from ...namespaces import DCAT, DCT, FOAF, INSPIRE, PROV, SDO, VCARD
from ..build import A, Triples, is_url, text
from .model import Discovery, Party

__all__ = ["add_parties"]

#: ISO 19115 role codes, and the spellings ACDD files use for them
_ROLES = {
    "resourceprovider": "resourceProvider",
    "dataprovider": "resourceProvider",
    "provider": "resourceProvider",
    "custodian": "custodian",
    "owner": "owner",
    "user": "user",
    "distributor": "distributor",
    "originator": "originator",
    "pointofcontact": "pointOfContact",
    "principalinvestigator": "principalInvestigator",
    "pi": "principalInvestigator",
    "processor": "processor",
    "publisher": "publisher",
    "author": "author",
    "sponsor": "sponsor",
    "funder": "funder",
    "coauthor": "coAuthor",
    "collaborator": "collaborator",
    "contributor": "contributor",
    "editor": "editor",
    "mediator": "mediator",
    "rightsholder": "rightsHolder",
    "stakeholder": "stakeholder",
}
_EMAIL = re.compile(r"[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+")
#: the vcard class of a contact, by the foaf class of its party
_CARDS = {"Person": "Individual", "Organization": "Organization"}


def _kind(party: Party) -> str:
    """Person or Organization as declared (``creator_type``); "" (a foaf:Agent only) when
    nothing says (names are not guessed: "Australian Bureau of Meteorology" with institution
    "ABOM" is no person)."""
    if party.kind == "person":
        return "Person"
    return "Organization" if party.kind == "organization" else ""


def _agent(out: Triples, party: Party) -> ox.BlankNode:
    agent = ox.BlankNode()
    kind = _kind(party)
    if kind:
        out.add(agent, A, ox.NamedNode(FOAF[kind]))
    out.add(agent, A, ox.NamedNode(FOAF.Agent))
    out.add(agent, FOAF.name, text(party.name or party.email))
    if _EMAIL.fullmatch(party.email):
        out.add(agent, FOAF.mbox, ox.NamedNode("mailto:" + party.email))
    if is_url(party.url):
        out.add(agent, FOAF.homepage, ox.NamedNode(party.url.strip()))
    if party.institution and party.institution != party.name:
        org = ox.BlankNode()
        out.add(org, A, ox.NamedNode(FOAF.Organization))
        out.add(org, FOAF.name, text(party.institution))
        out.add(agent, SDO.affiliation, org)
    return agent


def _contact(out: Triples, party: Party) -> ox.BlankNode:
    card = ox.BlankNode()
    out.add(card, A, ox.NamedNode(VCARD[_CARDS.get(_kind(party), "Kind")]))
    out.add(card, VCARD.fn, text(party.name or party.email))
    if _EMAIL.fullmatch(party.email):
        out.add(card, VCARD.hasEmail, ox.NamedNode("mailto:" + party.email))
    if is_url(party.url):
        out.add(card, VCARD.hasURL, ox.NamedNode(party.url.strip()))
    return card


def _contributor(out: Triples, subject: ox.NamedNode, party: Party) -> None:
    """A contributor, and its qualified attribution when its role is an ISO 19115 one."""
    agent = _agent(out, party)
    out.add(subject, DCT.contributor, agent)
    role = _ROLES.get(re.sub(r"[^a-z]", "", party.role.lower()))
    if role:
        attribution = ox.BlankNode()
        out.add(attribution, A, ox.NamedNode(PROV.Attribution))
        out.add(attribution, PROV.agent, agent)
        out.add(attribution, DCAT.hadRole, ox.NamedNode(INSPIRE[f"ResponsiblePartyRole/{role}"]))
        out.add(subject, PROV.qualifiedAttribution, attribution)


def add_parties(out: Triples, subject: ox.NamedNode, found: Discovery) -> None:
    """Creators, publishers, contributors, and the contact point: the first creator or
    publisher with an e-mail or a URL."""
    for party in found.creators:
        out.add(subject, DCT.creator, _agent(out, party))
    for party in found.publishers:
        out.add(subject, DCT.publisher, _agent(out, party))
    for party in found.contributors:
        _contributor(out, subject, party)
    reachable = [p for p in (*found.creators, *found.publishers) if p.email or p.url]
    if reachable:
        out.add(subject, DCAT.contactPoint, _contact(out, reachable[0]))
