"""Spreadsheet imports, each a django-import-export resource fed by :mod:`.base`."""
