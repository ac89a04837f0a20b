"""EU solidarity: the reference key (AMMR Art. 66), the Annual Solidarity Pool and a replay of the
Dublin IV corrective allocation (COM(2016) 270)."""
