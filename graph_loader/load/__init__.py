"""The phases of a load, in the order :func:`graph_loader.pipeline.load_paths` runs them:
read (:mod:`.inputs`), split (:mod:`.split`), validate and judge (:mod:`.judge`), write
(:mod:`.write`); what the load reports (:mod:`.outcomes`)."""

__all__: list[str] = []
