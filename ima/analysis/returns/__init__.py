"""Return cooperation per third country (Visa Code Art. 25a): indicators, classes, trends, levers."""
