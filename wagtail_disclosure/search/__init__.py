"""Search that reads Chinese: segmenters and a database search backend that uses them."""
