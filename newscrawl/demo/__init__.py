"""The bundled offline Daily8-style demo site: generator, server and expected records."""
