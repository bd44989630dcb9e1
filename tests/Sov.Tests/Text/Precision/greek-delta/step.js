const Δt = 0.5;
