"""The customer, order, cart and reservation the checkout is about."""

CUSTOMER = "cust_4821973"
ORDER = "ord_01JD7Q8K3M5XW2R9T6V4B8N1CF"
CART = "crt_7Hq2ZpL9"
RESERVATION = "rsv_9d41c7e2"
