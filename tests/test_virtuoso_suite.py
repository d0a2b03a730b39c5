"""The store test suite again, on a throwaway Virtuoso Open Source 7 (``virtuoso_support``).

The tests are imported from their modules and collected here too, where ``any_store`` (and
the HTTP ``client``) are the Virtuoso ones: this module's fixtures take precedence over
``conftest.py``'s for the tests collected in it. Once ``conftest.py``'s ``any_store`` has its
own ``"virtuoso"`` parameter, this module skips the ``any_store`` tests (they run there).

Not imported: ``test_http_remote.test_syntax_error_and_dataset_through_a_remote_store``,
whose second half pins ``oxigraph serve``'s refusal (400) of ``default-graph-uri`` under
``--union-default-graph``; Virtuoso honours the dataset instead, which
``test_virtuoso.py::test_protocol_dataset_is_honoured`` checks (with the 400 on bad syntax).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from http_support import fill
from test_concepts_api import test_index_reads_the_same_on_both_backends  # noqa: F401
from test_http_remote import (  # noqa: F401
    test_resource_and_health_through_a_remote_store,
    test_sparql_select_and_construct_through_a_remote_store,
)
from test_inference import (  # noqa: F401
    store,
    test_asserted_triples_are_never_in_the_inference_graph,
    test_inference_graph_is_exactly_the_expected_graph,
    test_old_inference_content_is_replaced_not_kept,
    test_rebuilding_twice_gives_the_same_graph,
    test_removing_a_data_triple_removes_its_consequences,
)
from test_pipeline import (  # noqa: F401
    test_catalogue_is_split_into_records,
    test_invalid_record_is_rejected_named_and_not_stored,
    test_loading_twice_changes_nothing,
    test_unparsable_file_loads_nothing_and_is_named,
)
from test_store import (  # noqa: F401
    test_ask_and_construct,
    test_comments_do_not_change_the_query_form,
    test_drop_graphs,
    test_dump_round_trips,
    test_replace_is_whole_graph,
    test_syntax_error_is_query_error,
    test_union_default_graph_and_bindings,
    test_write_and_read_graphs,
)
from virtuoso_support import virtuoso_server  # noqa: F401

from graph_loader.config import Settings
from graph_loader.virtuoso import VirtuosoStore
from sparql_api import create_app

pytestmark = pytest.mark.remote

_WIRED = '"virtuoso"' in (Path(__file__).with_name("conftest.py")).read_text()


@pytest.fixture
def any_store(virtuoso_server):  # noqa: F811
    """An empty VirtuosoStore (the conftest's parametrisation, for Virtuoso only)."""
    if _WIRED:
        pytest.skip("conftest.py's any_store runs this test on Virtuoso already")
    virtuoso = VirtuosoStore.from_spec("virtuoso+" + virtuoso_server)
    virtuoso.clear()
    yield virtuoso
    virtuoso.clear()
    virtuoso.close()


@pytest.fixture
def client(virtuoso_server):  # noqa: F811
    """The app over a Virtuoso store holding the HTTP fixtures (as test_http_remote's)."""
    spec = virtuoso_server + "/sparql"
    virtuoso = VirtuosoStore.from_spec(spec)
    virtuoso.clear()
    fill(virtuoso)
    app = create_app(Settings(store=spec))
    yield app.test_client()
    app.extensions["gaia_kg"].close()
    virtuoso.clear()
    virtuoso.close()
