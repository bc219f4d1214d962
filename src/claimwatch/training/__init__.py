"""Training code for the shipped models (`claimwatch train muc4`); never imported by the pipeline."""
